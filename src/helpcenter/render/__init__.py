"""Render: the model as pages (Markdown and HTML), structured data, sitemap, robots.txt and redirects."""
