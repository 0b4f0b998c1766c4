/**
 * Help and FAQ in the current language: the partner FAQ's questions, searchable (questions and
 * answers filtered by the text typed, in the language shown) and deep-linkable: '#/help/<id>'
 * opens and scrolls to that answer (see helpLink.ts). Each answer carries the addresses the
 * documentation points to and the app's screens for it (faq.ts); pricing follows the partner's
 * model.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../state/nav';
import { useConnectivityState, usePlatform } from '../../app/data';
import { HELP_IDS, helpIdOf, helpLink, type HelpId } from './helpLink';
import { HELP_KEY } from './labels';
import { faqAnswer, faqLinks, faqScreens } from './faq';
import './partner.css';

function norm(s: string): string {
  return s.toLocaleLowerCase().replace(/ё/g, 'е');
}

function Highlight({ text, q }: { text: string; q: string }) {
  if (!q) return <>{text}</>;
  const i = norm(text).indexOf(norm(q));
  if (i < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, i)}
      <mark>{text.slice(i, i + q.length)}</mark>
      {text.slice(i + q.length)}
    </>
  );
}

export default function HelpPage() {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<HelpId | null>(() => (typeof location === 'undefined' ? null : helpIdOf(location.hash)));
  const [open, setOpen] = useState<Set<HelpId>>(() => new Set(target ? [target] : []));
  const [copied, setCopied] = useState<HelpId | null>(null);
  const refs = useRef(new Map<HelpId, HTMLDetailsElement>());

  useEffect(() => {
    const on = () => {
      const id = helpIdOf(location.hash);
      if (id) {
        setTarget(id);
        setOpen((s) => new Set(s).add(id));
      }
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    if (target) refs.current.get(target)?.scrollIntoView({ block: 'start' });
  }, [target]);

  const model = usePlatform().data?.partner?.model ?? null;
  const connected = useConnectivityState() !== 'not_configured';
  const items = useMemo(
    () =>
      HELP_IDS.map((id) => ({
        id,
        q: t(HELP_KEY[id].q),
        a: faqAnswer(t, id, model),
        links: faqLinks(t, id),
        screens: faqScreens(t, id, connected),
      })),
    [t, model, connected],
  );
  const needle = norm(q.trim());
  const shown = needle ? items.filter((it) => norm(it.q).includes(needle) || it.a.some((p) => norm(p).includes(needle))) : items;

  return (
    <div className="page page-scroll" data-testid="page-help">
      <div className="page-head">
        <h1 className="page-title">{t('partner:help.title')}</h1>
        <span className="muted" data-testid="help-count">
          {t('partner:help.found', { count: shown.length })}
        </span>
      </div>
      <label className="field pt-narrow">
        <span className="field-label">{t('partner:help.search')}</span>
        <input
          type="search"
          className="search search-wide"
          value={q}
          placeholder={t('partner:help.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          data-testid="help-search"
        />
      </label>
      <div className="pt-faq pt-narrow">
        {shown.length === 0 ? (
          <div className="state state-empty" role="status">
            {t('partner:help.nothing', { q: q.trim() })}
          </div>
        ) : null}
        {shown.map((it) => (
          <details
            key={it.id}
            id={`help-${it.id}`}
            data-testid={`help-${it.id}`}
            ref={(el) => {
              if (el) refs.current.set(it.id, el);
              else refs.current.delete(it.id);
            }}
            open={open.has(it.id) || (needle !== '' && shown.length <= 3)}
            onToggle={(e) => {
              const isOpen = (e.currentTarget as HTMLDetailsElement).open;
              setOpen((s) => {
                const n = new Set(s);
                if (isOpen) n.add(it.id);
                else n.delete(it.id);
                return n;
              });
            }}
          >
            <summary>
              <Highlight text={it.q} q={q.trim()} />
            </summary>
            {it.a.map((p, i) => (
              <p key={i}>
                <Highlight text={p} q={q.trim()} />
              </p>
            ))}
            <div className="button-row">
              {it.screens.map((s) => (
                <button key={s.route} type="button" className="btn btn-small btn-primary" onClick={() => go(s.route)} data-testid={`help-go-${s.route}`}>
                  {s.label}
                </button>
              ))}
              {it.links.map((l) => (
                <a key={l.href} className="pt-link" href={l.href} target="_blank" rel="noreferrer" data-testid="help-link">
                  {l.label}
                </a>
              ))}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  const url = location.href.replace(/#.*$/, '') + helpLink(it.id);
                  void navigator.clipboard?.writeText(url).then(() => setCopied(it.id), () => setCopied(null));
                }}
              >
                {copied === it.id ? t('partner:help.copied') : t('partner:help.copyLink')}
              </button>
            </div>
          </details>
        ))}
      </div>
    </div>
  );
}
