/** Build of static/issue-context (see static/viteApp.ts). */
import { appConfig } from '../viteApp';

export default appConfig(__dirname);
