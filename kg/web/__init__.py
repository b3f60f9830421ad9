"""kg serve's web application."""
