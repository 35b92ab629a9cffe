"""What Rasa loads for the assistant: the NLU components `config.yml` names, the conversation
store `endpoints.yml` names, Rasa speed-ups, and the build steps that feed them (the spaCy model
and the NLU lookup tables generated from the catalog)."""
