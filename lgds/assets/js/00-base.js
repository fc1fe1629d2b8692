/* The kit's own scripts; each domain adds a file. Pages work without JavaScript. */
