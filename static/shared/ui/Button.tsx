import type { ButtonHTMLAttributes } from 'react';

export type ButtonAppearance = 'default' | 'primary' | 'subtle' | 'danger' | 'link';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
}

/** A native button (keyboard and screen readers for free) styled with design tokens. */
export function Button({ appearance = 'default', className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['sc-button', `sc-button--${appearance}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
