/** Build of static/issue-panel (see static/viteApp.ts). */
import { appConfig } from '../viteApp';

export default appConfig(__dirname);
