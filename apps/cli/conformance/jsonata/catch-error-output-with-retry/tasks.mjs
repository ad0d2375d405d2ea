// The recorded function raises a Python Exception on every attempt (see ../python-exception-tasks.mjs).
export { default } from "../python-exception-tasks.mjs";
