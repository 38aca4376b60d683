"""JSON Schemas shipped with Rasd."""
