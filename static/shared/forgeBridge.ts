/**
 * Build-time stand-in for `@forge/bridge` (static/viteApp.ts aliases the package name to this
 * file): the package's entry is CommonJS and re-exports every API (realtime, i18n, feature flags,
 * object store…), so a bundler cannot leave out the parts the UIs never call. Importing only the
 * modules the UIs use keeps the rest out of every bundle. Tests and type checks still see the real
 * package; a name missing here fails the build, not a user.
 */
export { invoke } from '../../node_modules/@forge/bridge/out/invoke';
export { view } from '../../node_modules/@forge/bridge/out/view';
export { events } from '../../node_modules/@forge/bridge/out/events';
export { router } from '../../node_modules/@forge/bridge/out/router';
export { requestJira } from '../../node_modules/@forge/bridge/out/fetch';
