"""Health Careers Guide: catalog service, launcher and the operator command line."""
