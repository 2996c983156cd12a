"""HTML and its text: block texts with offsets, markup written at offsets, sanitising."""
