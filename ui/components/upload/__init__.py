"""The Gegevens page's upload and rebuild panels: add a file, check it, register it, build."""
