"""Read side: retrieval, fusion, answering and the Engine facade."""
