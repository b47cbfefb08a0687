import { registerDjFunctions } from "./register.js";

// Side effect only: the script tag in the shared runtime's page runs this once.
registerDjFunctions();
