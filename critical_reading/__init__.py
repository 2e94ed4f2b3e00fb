"""critical_reading: the helpers behind the notebooks of "Reading a war report critically".

Notebooks stay narrative and call these in a line or two:

>>> from critical_reading import load_tables
>>> tables = load_tables()
>>> tables.claims.shape[0] > 0
True
"""

from .environment import check_setup
from .data import Tables, article_folder, data_dir, load_article, load_tables, read_table
from .errors import AssumptionError, DataContractError, LearnerError, SetupError
from .intervals import Interval, interval_for

__all__ = ["AssumptionError", "DataContractError", "Interval", "LearnerError", "SetupError",
           "Tables", "article_folder", "check_setup", "data_dir", "interval_for", "load_article", "load_tables", "read_table"]
