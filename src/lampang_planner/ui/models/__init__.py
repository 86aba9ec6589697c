"""Table models over light rows (tuples from one SQL query), with search and Thai sorting done in the model."""
