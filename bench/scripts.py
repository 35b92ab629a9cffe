"""The conversations the assistant benchmarks play (no imports, so both Python environments can
load them)."""

# What a job seeker typing into the web chat says, end to end: every search turn goes through the
# action server to the catalog, so its latency includes the catalog call.
OUR_SCRIPT = (
    "hi",
    "I want to become a medical assistant",
    "I'm 24 and live in Fresno",
    "I have my GED",
    "what scholarships are there",
    "show me jobs near 93701",
    "thanks",
)
# The happy and sad paths of the `rasa init` assistant (greet, mood, affirm, bot_challenge, goodbye).
BARE_SCRIPT = (
    "hi",
    "I am sad",
    "yes",
    "are you a bot?",
    "hello there",
    "I am feeling great",
    "bye",
)
