"""The conversations the assistant benchmarks play (no imports, so both Python environments can
load them)."""

# Follow-ups about what was just shown: each asks one aspect of the last answer's subject
# (POST /guide/aspect), so they are timed apart from the other turns as well.
FOLLOWUPS = (
    "how much do they make",
    "who can apply to the first one",
)
# What a job seeker typing into the web chat says, end to end: every search turn goes through the
# action server to the catalog, so its latency includes the catalog call.
OUR_SCRIPT = (
    "hi",
    "I want to become a medical assistant",
    FOLLOWUPS[0],
    "I'm 24 and live in Fresno",
    "I have my GED",
    "what scholarships are there",
    FOLLOWUPS[1],
    "show me jobs near 93701",
    "thanks",
)
# The career quiz begun and answered as people answer it: taps on the web's buttons (their payload,
# as actions/quiz.py writes it) and digits typed by SMS, in turn, so that neither kind has the
# later, longer conversation to itself. Every turn after the first is a quiz turn, set next to
# the ordinary turns above (quick quiz: 30 questions, so no turn ends it).
QUIZ_START = "career quiz"
QUIZ_BUTTONS = tuple('/quiz_reply{"quiz_answer": "%s"}' % answer for answer in "452134")
QUIZ_TYPED = tuple("315245")
QUIZ_SCRIPT = (QUIZ_START, *(answer for pair in zip(QUIZ_BUTTONS, QUIZ_TYPED) for answer in pair))
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
