"""The Casussen user interface: detail view, actions, the object-card panel, audit and user pages."""
