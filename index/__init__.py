"""Write side: readers, cleaning, chunking, embedding and the on-disk index."""
