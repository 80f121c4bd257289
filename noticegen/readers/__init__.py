"""Readers turn notice files (Markdown, HTML, DOCX, plain text) back into the Notice model."""
