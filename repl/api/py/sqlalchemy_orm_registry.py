# sqlalchemy.orm.registry: the registry object of every declarative base (declarative_base(),
# db.Model, DeclarativeBase subclasses). Kept apart from the 2.0 annotated form
# (sqlalchemy_orm_annotated.py) so that a 1.4-style script does not load that module.
import sqlalchemy
import _ormsh_orm


class registry:
    """The registry of a declarative base: its MetaData and the type_annotation_map that
    Mapped[] annotations are resolved with."""
    __module__ = "sqlalchemy.orm.decl_api"

    def __init__(self, *, metadata=None, class_registry=None, type_annotation_map=None,
                 constructor=None):
        self.metadata = metadata if metadata is not None else sqlalchemy.MetaData()
        self.type_annotation_map = dict(type_annotation_map or {})

    def update_type_annotation_map(self, type_annotation_map):
        self.type_annotation_map.update(type_annotation_map)

    def configure(self, cascade=False):
        _ormsh_orm.configure_mappers()
