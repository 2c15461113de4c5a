/**
 * The token stylesheets of both colour themes plus spacing, shape and typography, as one module,
 * so theme.ts loads them in one chunk (one request) rather than five.
 */
import light from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light';
import dark from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark';
import spacing from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing';
import shape from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape';
import typography from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography';

export const tokenSheets: string[] = [light, dark, spacing, shape, typography];
