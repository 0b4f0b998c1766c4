// Runs before the app's modules: the CSP has no unsafe-eval, so zod must not probe `new Function`
// (zod reads this object when it loads; the probe would log a CSP violation).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
