/** 004: deals, alerts and reports (issue 7). Empty until that work lands. */
export const up = ``;
