/** Shared UI kit of both apps: small accessible components styled with Atlassian design tokens. */
export { Button, type ButtonProps, type ButtonAppearance } from './Button';
export { Lozenge, type LozengeAppearance } from './Lozenge';
export { ProgressBar, type ProgressAppearance } from './ProgressBar';
export { LoadingState, ErrorState, EmptyState, Notice } from './States';
export { Tabs, TabPanel, type TabDef } from './Tabs';
export { GlobalStyles } from './GlobalStyles';
export { colors, space, radius, fontFamily } from './colors';
