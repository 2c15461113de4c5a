/** The generated token stylesheets of @atlaskit/tokens ship without type declarations: each is a CSS string. */
declare module '@atlaskit/tokens/dist/esm/artifacts/themes/*' {
  const css: string;
  export default css;
}
