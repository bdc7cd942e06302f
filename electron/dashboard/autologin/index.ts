// Entry of dist/dashboard/autologin.js (one self-contained file): whoever injects it first sets
// `window.__karporAutologin = { token, report? }`, then runs this at document-start.
import { startAutologin } from './autologin.ts';
import { consoleReporter, takeInjectedConfig } from './protocol.ts';

const injected = takeInjectedConfig(globalThis);
if (injected) startAutologin(injected.config, { win: window, report: injected.report ?? consoleReporter });
