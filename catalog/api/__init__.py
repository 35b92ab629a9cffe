"""HTTP routers of the catalog service, one module per resource."""
