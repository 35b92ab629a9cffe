"""Three per-turn costs of Rasa 3.6 and one cost of its start cut without changing what it does
(measured with `make bench-bot PROFILE=1`, see bench/turn_profile.py, and bench/start_profile.py).

1. Rasa checks every answer of the action server against its JSON schema before using it, with
`jsonschema.validate`, which first checks the schema itself against the JSON Schema meta-schema
and builds a new validator: 40-170 ms of CPU per custom action call on this machine, the largest
single cost of a turn that runs an action. The same check with the validator built once takes
under a millisecond and raises the same errors with the same message.

2. Loading a conversation turns each stored event back into an object; finding the event's class
   by its name walks every subclass of Event, every time (about a third of loading a tracker).
   The class found for a name is remembered; names not found still go the original way.

3. A button's reply is its payload in Rasa's slash syntax (`/quiz_reply{"quiz_answer": "4"}`).
   Rasa runs the whole NLU pipeline on it (spaCy, the sentence encoder, DIET: about half of a
   career quiz answer's turn), and then its last NLU step, RegexMessageHandler, replaces every
   result with a new message unpacked from the payload alone. A payload that unpacks (an intent
   of the domain) is unpacked here the same way, with the same domain, and the pipeline is not
   run; any other text, a payload naming an unknown intent included, goes the original way.

4. Loading DIET, Rasa builds its weights by training it one step on one example, then loads the
   trained weights over them. That one step runs as a traced TensorFlow graph: tracing the whole
   training graph took 98 of a restarted server's 106 s of model loading on a busy two-CPU machine.
   Here the step runs eagerly (the weights it makes are overwritten all the same), and prediction
   is traced as before, so answers are the same and turns as fast.

Rasa loads this module with the tracker store (bot/conversation_store.py imports it), before the
first action call and before the model; importing it again changes nothing.
"""

from __future__ import annotations

from typing import Any, Optional

import jsonschema
import tensorflow as tf
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.constants import DOCS_BASE_URL, INTENT_MESSAGE_PREFIX
from rasa.shared.core.events import Event
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.models import RasaModel

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = jsonschema.validators.validator_for(_SCHEMA)(_SCHEMA)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validator made once."""
    error = jsonschema.exceptions.best_match(_VALIDATOR.iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


RemoteAction._validate_action_result = validate_action_result


_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type] = {}


def resolve_by_type(type_name: str, default: Optional[type] = None) -> Optional[type]:
    """Event.resolve_by_type, remembering each class it finds by the name."""
    found = _event_classes.get(type_name)
    if found is None:
        found = _resolve_by_type(type_name, default)
        if found is not None and getattr(found, "type_name", None) == type_name:
            _event_classes[type_name] = found
    return found


Event.resolve_by_type = staticmethod(resolve_by_type)


_parse_with_graph = MessageProcessor._parse_message_with_graph


def parse_message_with_graph(self: MessageProcessor, message, tracker, only_output_properties: bool = True):
    """MessageProcessor._parse_message_with_graph; a payload RegexMessageHandler would unpack is
    unpacked without the NLU pipeline, whose results the handler would throw away."""
    text = message.text or ""
    if text.lstrip().startswith(INTENT_MESSAGE_PREFIX):
        typed = Message({TEXT: text})
        unpacked = YAMLStoryReader.unpack_regex_message(typed, self.domain,
                                                        entity_extractor_name=RegexMessageHandler.__name__)
        if unpacked is not typed:
            # As _parse_message_with_graph builds its answer from the handler's message.
            parse_data = {TEXT: "", INTENT: {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, ENTITIES: []}
            parse_data.update(unpacked.as_dict(only_output_properties=only_output_properties))
            return parse_data
    return _parse_with_graph(self, message, tracker, only_output_properties)


MessageProcessor._parse_message_with_graph = parse_message_with_graph


_load_model = RasaModel.load.__func__


def load_model(cls, model_file_name, model_data_example, predict_data_example=None, finetune_mode=False,
               *args: Any, **kwargs: Any):
    """RasaModel.load, with the one step that builds the weights run eagerly (not traced)."""
    config = kwargs.get("config") or {}
    if finetune_mode or config.get(RUN_EAGERLY):
        return _load_model(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                           *args, **kwargs)
    model = cls(*args, **kwargs)
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.load_weights(model_file_name)
    # Predictions are traced once, on this example, as Rasa does.
    model.run_eagerly = False
    if predict_data_example:
        model.run_inference(predict_data_example)
    return model


RasaModel.load = classmethod(load_model)
