"""Work off the window's thread: database jobs on a worker thread, import/export/preview in a worker process."""
