/** The preview server's port on 127.0.0.1 when none is given (its own module, so the CLI reads it without loading the server). */
export const DEFAULT_PREVIEW_PORT = 4700;
