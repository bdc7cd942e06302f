// electron-builder `beforeBuild` hook (see electron-builder.yml). Resolving to false means "node_modules
// are handled outside electron-builder": scripts/build.ts inlines every runtime dependency into the
// main and preload bundles, so the package must not carry a copy of the production dependencies.
module.exports = async function skipNodeModules() {
  return false;
};
