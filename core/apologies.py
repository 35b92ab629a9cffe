"""What the person is told when part of the assistant is out, worded once for the actions and the
channels (both import it; neither may import the other)."""

# A turn that could not reach what it needed (the catalog, or the action server itself).
UNAVAILABLE = "Sorry, I can't look that up right now. Please try again in a minute."
