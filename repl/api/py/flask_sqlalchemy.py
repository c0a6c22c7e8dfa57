# flask_sqlalchemy: Flask-SQLAlchemy 3.0's API over ormsh's native ORM, and 3.1's
# SQLAlchemy(model_class=Base) with Base a DeclarativeBase subclass. db.Model names tables
# in snake_case and has Model.query; db.session is a scoped session bound to the engine made
# from app.config['SQLALCHEMY_DATABASE_URI']; every other db.<name> (Column, String,
# relationship, select ...) comes from sqlalchemy and sqlalchemy.orm.
import sqlalchemy
import sqlalchemy.event
import sqlalchemy.orm
import _ormsh_orm
from werkzeug.exceptions import abort


class _NameMixin:
    """Names the table of each db.Model subclass after the class in snake_case, unless the
    class names it itself or is abstract."""

    def __init_subclass__(cls, **kwargs):
        own = cls.__dict__
        if '__tablename__' not in own and '__table__' not in own and \
                not own.get('__abstract__', False):
            cls.__tablename__ = _ormsh_orm.camel_to_snake(cls.__name__)
        super().__init_subclass__(**kwargs)


def _model_from_declarative_base(base):
    class Model(_NameMixin, base):
        __abstract__ = True
        __repr__ = _ormsh_orm.flask_model_repr
    return Model


class SQLAlchemy:
    def __init__(self, app=None, *, metadata=None, session_options=None, query_class=None,
                 model_class=None, engine_options=None, add_models_to_shell=True):
        self._app = None
        self._engine = None
        self._engine_options = dict(engine_options or {})
        self._session_options = dict(session_options or {})
        self.session = sqlalchemy.orm.scoped_session(self._make_session)
        if model_class is not None and _ormsh_orm.is_declarative_base(model_class):
            # Flask-SQLAlchemy 3.1: db.Model is an abstract subclass of the user's
            # DeclarativeBase subclass, sharing its registry and MetaData.
            self.Model = _model_from_declarative_base(model_class)
            self.metadata = self.Model.metadata
        else:
            self.metadata = metadata if metadata is not None else sqlalchemy.MetaData()
            self.Model = _ormsh_orm.flask_model_base(self.metadata, model_class)
        self.Model.query = self.session.query_property()
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        if 'sqlalchemy' in app.extensions:
            raise RuntimeError('A \'SQLAlchemy\' instance has already been registered on this '
                               'Flask app. Import and use that instance instead.')
        app.extensions['sqlalchemy'] = self
        app.config.setdefault('SQLALCHEMY_DATABASE_URI', None)
        app.config.setdefault('SQLALCHEMY_ECHO', False)
        app.config.setdefault('SQLALCHEMY_TRACK_MODIFICATIONS', False)
        app.config.setdefault('SQLALCHEMY_ENGINE_OPTIONS', {})
        self._app = app

    def _app_or_raise(self):
        if self._app is None:
            raise RuntimeError('The current Flask app is not registered with this '
                               '\'SQLAlchemy\' instance. Did you forget to call \'init_app\', or '
                               'did you create multiple \'SQLAlchemy\' instances?')
        return self._app

    @property
    def engine(self):
        if self._engine is None:
            app = self._app_or_raise()
            uri = app.config.get('SQLALCHEMY_DATABASE_URI')
            if uri is None:
                raise RuntimeError("Either 'SQLALCHEMY_DATABASE_URI' or 'SQLALCHEMY_BINDS' must "
                                   "be set.")
            options = dict(app.config.get('SQLALCHEMY_ENGINE_OPTIONS') or {})
            options.update(self._engine_options)
            options.setdefault('echo', app.config.get('SQLALCHEMY_ECHO', False))
            self._engine = sqlalchemy.create_engine(uri, **options)
        return self._engine

    @property
    def engines(self):
        return {None: self.engine}

    def get_engine(self, bind_key=None):
        return self.engine

    def _make_session(self):
        options = dict(self._session_options)
        options.setdefault('bind', self.engine)
        return sqlalchemy.orm.Session(**options)

    def create_all(self, bind_key='__all__'):
        self.metadata.create_all(bind=self.engine)

    def drop_all(self, bind_key='__all__'):
        self.metadata.drop_all(bind=self.engine)

    def reflect(self, bind_key='__all__'):
        self.metadata.reflect(bind=self.engine)

    def Table(self, name, *args, **kwargs):
        return sqlalchemy.Table(name, self.metadata, *args, **kwargs)

    def paginate(self, select, *, page=None, per_page=None, max_per_page=None, error_out=True,
                 count=True):
        return SelectPagination(select=select, session=self.session(), page=page,
                                per_page=per_page, max_per_page=max_per_page,
                                error_out=error_out, count=count)

    def get_or_404(self, entity, ident, *, description=None):
        value = self.session.get(entity, ident)
        if value is None:
            abort(404, description=description)
        return value

    def first_or_404(self, statement, *, description=None):
        value = self.session.execute(statement).scalar()
        if value is None:
            abort(404, description=description)
        return value

    def one_or_404(self, statement, *, description=None):
        try:
            return self.session.execute(statement).scalar_one()
        except (sqlalchemy.exc.NoResultFound, sqlalchemy.exc.MultipleResultsFound):
            abort(404, description=description)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        for module in (sqlalchemy, sqlalchemy.orm):
            if hasattr(module, name):
                return getattr(module, name)
        raise AttributeError(name)

    def __repr__(self):
        if self._app is None:
            return '<SQLAlchemy>'
        return '<SQLAlchemy %s>' % (self.engine.url,)


class Pagination:
    def __init__(self, page=None, per_page=None, max_per_page=100, error_out=True, count=True,
                 **kwargs):
        self._query_args = kwargs
        if page is None:
            page = 1
        if per_page is None:
            per_page = 20
        if max_per_page is not None:
            per_page = min(per_page, max_per_page)
        if page < 1:
            if error_out:
                abort(404)
            page = 1
        if per_page < 1:
            if error_out:
                abort(404)
            per_page = 20
        self.page = page
        self.per_page = per_page
        self.max_per_page = max_per_page
        items = self._query_items()
        if not items and page != 1 and error_out:
            abort(404)
        self.items = items
        self.total = self._query_count() if count else None

    @property
    def _query_offset(self):
        return (self.page - 1) * self.per_page

    @property
    def first(self):
        if len(self.items) == 0:
            return 0
        return (self.page - 1) * self.per_page + 1

    @property
    def last(self):
        first = self.first
        return max(first, first + len(self.items) - 1)

    @property
    def pages(self):
        if self.total == 0 or self.total is None:
            return 0
        return -(-self.total // self.per_page)

    @property
    def has_prev(self):
        return self.page > 1

    @property
    def prev_num(self):
        return self.page - 1 if self.has_prev else None

    @property
    def has_next(self):
        return self.page < self.pages

    @property
    def next_num(self):
        return self.page + 1 if self.has_next else None

    def prev(self, *, error_out=False):
        return type(self)(page=self.page - 1, per_page=self.per_page, error_out=error_out,
                          count=False, **self._query_args)._with_total(self.total)

    def next(self, *, error_out=False):
        return type(self)(page=self.page + 1, per_page=self.per_page,
                          max_per_page=self.max_per_page, error_out=error_out, count=False,
                          **self._query_args)._with_total(self.total)

    def _with_total(self, total):
        self.total = total
        return self

    def iter_pages(self, *, left_edge=2, left_current=2, right_current=4, right_edge=2):
        pages_end = self.pages + 1
        if pages_end == 1:
            return
        left_end = min(1 + left_edge, pages_end)
        yield from range(1, left_end)
        if left_end == pages_end:
            return
        mid_start = max(left_end, self.page - left_current)
        mid_end = min(self.page + right_current + 1, pages_end)
        if mid_start - left_end > 0:
            yield None
        yield from range(mid_start, mid_end)
        if mid_end == pages_end:
            return
        right_start = max(mid_end, pages_end - right_edge)
        if right_start - mid_end > 0:
            yield None
        yield from range(right_start, pages_end)

    def __iter__(self):
        yield from self.items


class QueryPagination(Pagination):
    def _query_items(self):
        query = self._query_args['query']
        return query.limit(self.per_page).offset(self._query_offset).all()

    def _query_count(self):
        return self._query_args['query'].order_by(None).count()


class SelectPagination(Pagination):
    def _query_items(self):
        select = self._query_args['select']
        session = self._query_args['session']
        statement = select.limit(self.per_page).offset(self._query_offset)
        return list(session.execute(statement).scalars())

    def _query_count(self):
        select = self._query_args['select']
        session = self._query_args['session']
        sub = select.order_by(None).subquery()
        return session.execute(sqlalchemy.select(sqlalchemy.func.count()).select_from(sub)).scalar()
