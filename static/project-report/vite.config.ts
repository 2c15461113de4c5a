/** Build of static/project-report (see static/viteApp.ts). */
import { appConfig } from '../viteApp';

export default appConfig(__dirname);
