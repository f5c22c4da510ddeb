"""Excel imports: shared checks (``base``) and one module per kind; ``KINDS`` lists them."""
