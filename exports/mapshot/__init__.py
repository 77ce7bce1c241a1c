"""The map as a printable picture: view, data, drawing, page layout and print tiles."""
