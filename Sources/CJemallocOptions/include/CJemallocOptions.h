// Nothing to call: the target defines `malloc_conf`, which jemalloc reads as the program starts.
