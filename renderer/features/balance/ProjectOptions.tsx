/** The client's projects as `<option>`s, each "PID · name" (Detail's filter, the top-up request). */
import type { CardOutput } from '../../../shared/contract/rpc/balance';

export function ProjectOptions({ projects }: { projects: CardOutput['projects'] }) {
  return (
    <>
      {projects.map((p) => (
        <option key={p.pid} value={p.pid}>
          {`${p.pid} · ${p.name}`}
        </option>
      ))}
    </>
  );
}
