"""Action server answers are checked against Rasa's schema by a validator built once (the
benchmark's profile shows the cost); the check still accepts and refuses exactly what Rasa's own
does, with its message. A button's payload is parsed without the NLU pipeline, exactly as Rasa's
last NLU step would parse it. DIET's weights are built by an eager step, its predictions traced."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import bot.conversation_store  # noqa: F401 - what Rasa imports, and with it the faster check
from bot import rasa_speedups

ROOT = Path(__file__).resolve().parents[2]

GOOD = {"events": [{"event": "slot", "name": "city", "value": "Fresno", "timestamp": None}],
        "responses": [{"text": "Here are programs near Fresno."}]}
BAD = [
    {"events": [{"event": 42}]},
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": "city", "value": "x", "timestamp": "yesterday"}]},
]


def rasa_check(result):
    """Rasa's own check, as it is written in rasa.core.actions.action."""
    jsonschema.validate(result, RemoteAction.action_response_format_spec())


def test_the_check_is_the_one_built_once():
    assert RemoteAction._validate_action_result.__module__ == "bot.rasa_speedups"


def test_it_accepts_what_rasa_accepts():
    rasa_check(GOOD)
    assert RemoteAction("action_search_programs", None)._validate_action_result(GOOD) is True


@pytest.mark.parametrize("result", BAD)
def test_it_refuses_what_rasa_refuses_with_the_same_reason(result):
    with pytest.raises(jsonschema.ValidationError) as rasa_error:
        rasa_check(result)
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("action_search_programs", None)._validate_action_result(result)
    assert ours.value.message.startswith(rasa_error.value.message)
    assert "Failed to validate Action server response" in ours.value.message


def test_events_are_read_back_as_the_same_classes():
    from rasa.shared.core import events as rasa_events
    from rasa.shared.utils.common import all_subclasses

    for cls in all_subclasses(rasa_events.Event):
        assert rasa_events.Event.resolve_by_type(cls.type_name) is next(
            c for c in all_subclasses(rasa_events.Event) if c.type_name == cls.type_name
        )
    assert rasa_events.Event.resolve_by_type("topic") is None
    assert rasa_events.Event.resolve_by_type("no_such_event", default=rasa_events.UserUttered) is rasa_events.UserUttered
    with pytest.raises(ValueError, match="Unknown event name"):
        rasa_events.Event.resolve_by_type("no_such_event")


# ---------------------------------------------------------------- button payloads skip the NLU pipeline

PAYLOADS = ['/quiz_reply{"quiz_answer": "4"}', "/quiz_start", '/quiz_reply{"quiz_answer": "skip"}']
NOT_PAYLOADS = ["4", "career quiz", "/no_such_intent", "/ not a payload", 'I like /quiz_start']


@pytest.fixture(scope="module")
def domain():
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain"))


class Processor:
    """What the parse needs of Rasa's MessageProcessor: the model's domain."""

    def __init__(self, domain) -> None:
        self.domain = domain


def as_the_pipeline_leaves_it(text: str):
    """A message as the NLU pipeline hands it to RegexMessageHandler: its own guesses made."""
    from rasa.shared.nlu.training_data.message import Message

    return Message({"text": text, "intent": {"name": "greet", "confidence": 0.6},
                    "intent_ranking": [{"name": "greet", "confidence": 0.6}],
                    "entities": [{"entity": "age", "value": "4", "start": 0, "end": 1}]})


@pytest.mark.parametrize("text", PAYLOADS)
def test_a_payload_is_parsed_as_the_handler_parses_it_without_the_pipeline(domain, monkeypatch, text):
    from rasa.core.channels.channel import UserMessage
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler

    ran = []
    monkeypatch.setattr(rasa_speedups, "_parse_with_graph", lambda *args: ran.append(args))
    ours = rasa_speedups.parse_message_with_graph(Processor(domain), UserMessage(text), None)
    assert ran == []
    [handled] = RegexMessageHandler().process([as_the_pipeline_leaves_it(text)], domain)
    rasa = {"text": "", "intent": {"name": None, "confidence": 0.0}, "entities": [], **handled.as_dict(True)}
    assert ours == rasa
    assert ours["intent"]["name"] in ("quiz_reply", "quiz_start") and ours["intent"]["confidence"] == 1.0


@pytest.mark.parametrize("text", NOT_PAYLOADS)
def test_other_text_goes_through_the_pipeline(domain, monkeypatch, text):
    from rasa.core.channels.channel import UserMessage

    monkeypatch.setattr(rasa_speedups, "_parse_with_graph", lambda self, message, *_: {"from": "graph"})
    assert rasa_speedups.parse_message_with_graph(Processor(domain), UserMessage(text), None) == {"from": "graph"}


def test_the_handler_is_the_last_nlu_step_of_our_recipe():
    """Why skipping is safe: RegexMessageHandler is what the dialogue reads of the NLU, and it
    replaces the pipeline's results for a payload it unpacks."""
    from rasa.core.processor import MessageProcessor
    from rasa.engine.recipes.recipe import Recipe
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.data import TrainingType
    from rasa.shared.utils.io import read_yaml_file

    config = read_yaml_file(str(ROOT / "config.yml"))
    model = Recipe.recipe_for_name(config["recipe"]).graph_config_for_recipe(config, {}, TrainingType.BOTH)
    assert model.nlu_target == "run_RegexMessageHandler"
    node = model.predict_schema.nodes[model.nlu_target]
    assert node.uses is RegexMessageHandler and node.fn == "process" and node.needs["domain"] == "domain_provider"
    assert MessageProcessor._parse_message_with_graph is rasa_speedups.parse_message_with_graph


class Model:
    """Records what loading does to a model, in order (a RasaModel's part of it)."""

    calls: list = []

    def __init__(self, *args, **kwargs) -> None:
        self.run_eagerly = None
        Model.calls = [("init", kwargs.get("config"))]

    def compile(self, optimizer, run_eagerly=None) -> None:
        self.calls.append(("compile", run_eagerly))

    def fit(self, data, verbose=False) -> None:
        self.calls.append(("fit", self.run_eagerly))

    def load_weights(self, name) -> None:
        self.calls.append(("load_weights", name))

    def run_inference(self, example) -> None:
        self.calls.append(("run_inference", self.run_eagerly))


def test_diet_builds_its_weights_eagerly_and_traces_predictions_as_before(monkeypatch):
    from rasa.utils.tensorflow.models import RasaModel

    assert RasaModel.load.__func__ is rasa_speedups.load_model
    monkeypatch.setattr(rasa_speedups, "RasaBatchDataGenerator", lambda data, batch_size: data)
    model = rasa_speedups.load_model(Model, "weights.tf", "example", "predict-example", config={"epochs": 40})
    # The one step that shapes the weights runs eagerly; prediction is traced (not eager).
    assert [name for name, _ in Model.calls] == ["init", "compile", "fit", "load_weights", "run_inference"]
    assert Model.calls[1] == ("compile", True) and Model.calls[4] == ("run_inference", False)
    assert model.run_eagerly is False

    # Fine-tuning, or a model asked to run eagerly, loads the way Rasa does.
    original = []
    monkeypatch.setattr(rasa_speedups, "_load_model", lambda *args, **kwargs: original.append(args))
    rasa_speedups.load_model(Model, "weights.tf", "example", None, True, config={})
    rasa_speedups.load_model(Model, "weights.tf", "example", None, config={"run_eagerly": True})
    assert len(original) == 2
