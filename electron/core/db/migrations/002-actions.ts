/** 002: the outbox of client actions and the audit log (issue 4). Empty until that work lands. */
export const up = ``;
