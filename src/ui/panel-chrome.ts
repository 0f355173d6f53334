// What a Panel's border and title take from its size: read by the layout (src/app) without
// loading Ink (start-up: src/cli/mount-ui.tsx).

/** Lines and columns a Panel's border and title take from its size. */
export const PANEL_CHROME = { rows: 3, cols: 4 } as const;
