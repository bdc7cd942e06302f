#!/usr/bin/env node
// The CLI is bundled by `npm run build` (also run on install by `prepare`).
import '../dist/cli/karpor-desktop.js';
