/**
 * Every word a person reads comes from shared/i18n: JSX text and user-facing attributes
 * (title, placeholder, aria-label, alt, label) must not hold letters in a string literal.
 * Punctuation, digits and symbols alone are fine.
 */
const LETTERS = /\p{L}/u;
const ATTRS = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description']);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'no user-visible string literals in JSX; use t()' },
    schema: [],
    messages: { bare: 'User-visible text "{{text}}" must come from shared/i18n (t()).' },
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: 'bare', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (LETTERS.test(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = node.name && node.name.name;
        if (!ATTRS.has(name) || !node.value) return;
        if (node.value.type === 'Literal' && typeof node.value.value === 'string' && LETTERS.test(node.value.value)) {
          report(node.value, node.value.value);
        }
        if (node.value.type === 'JSXExpressionContainer') {
          const e = node.value.expression;
          if (e.type === 'Literal' && typeof e.value === 'string' && LETTERS.test(e.value)) report(e, e.value);
          if (e.type === 'TemplateLiteral' && e.quasis.some((q) => LETTERS.test(q.value.cooked ?? ''))) report(e, 'template');
        }
      },
      'JSXExpressionContainer > Literal'(node) {
        if (typeof node.value === 'string' && LETTERS.test(node.value) && node.parent.parent.type !== 'JSXAttribute') {
          report(node, node.value);
        }
      },
    };
  },
};
