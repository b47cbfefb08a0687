/** Below this a ledger kind or a column is one the pane asks the clerk about (the mapping step). */
export const UNSURE = 0.8;
