// The one function of @babel/core (installed with @angular/compiler-cli, which links with it) that
// vite.config.ts calls; @babel/core ships no types of its own.
declare module '@babel/core' {
  export function transformAsync(
    code: string,
    options: Record<string, unknown>,
  ): Promise<{ code?: string | null; map?: import('vite').Rollup.SourceMapInput } | null>;
}
