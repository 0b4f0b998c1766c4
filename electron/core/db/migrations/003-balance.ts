/** 003: balance rollups and caches (issue 5), if any. Empty until that work lands. */
export const up = ``;
