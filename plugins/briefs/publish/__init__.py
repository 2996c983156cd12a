"""What a published site carries besides its pages: JSON-LD, the sitemap, the search index."""
