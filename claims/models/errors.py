"""The refusals a model method raises; views show str() to the person who asked."""


class EditRefused(ValueError):
    """A change the rules do not allow; str() is a message for the person who asked."""


class StaleEdit(EditRefused):
    """Someone else changed the object since the person loaded it."""


class AlreadyDecided(EditRefused):
    """Another reviewer decided this proposal first."""
