# flask, as far as database scripts use it: Flask(__name__), app.config, app.app_context()
# (with and push/pop) and the decorators a models module may apply. ormsh serves no pages:
# app.run() says so and returns.
import sys
from werkzeug.exceptions import abort


class Config(dict):
    def from_mapping(self, mapping=None, **kwargs):
        if mapping is not None:
            self.update(mapping)
        self.update(kwargs)
        return True

    def from_object(self, obj):
        for key in dir(obj):
            if key.isupper():
                self[key] = getattr(obj, key)

    def get_namespace(self, namespace, lowercase=True, trim_namespace=True):
        out = {}
        for key, value in self.items():
            if not key.startswith(namespace):
                continue
            name = key[len(namespace):] if trim_namespace else key
            out[name.lower() if lowercase else name] = value
        return out


class _AppGlobals:
    pass


_stack = []


class AppContext:
    def __init__(self, app):
        self.app = app
        self.g = _AppGlobals()

    def push(self):
        _stack.append(self)

    def pop(self, exc=None):
        if _stack and _stack[-1] is self:
            _stack.pop()

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)
        return False


class Flask:
    def __init__(self, import_name, static_folder='static', template_folder='templates',
                 instance_path=None, **kwargs):
        self.import_name = import_name
        self.name = import_name
        self.config = Config(DEBUG=False, TESTING=False, SECRET_KEY=None, ENV='production')
        self.extensions = {}
        self.debug = False
        self.testing = False

    def app_context(self):
        return AppContext(self)

    def _decorator(self, *args, **kwargs):
        def decorate(f):
            return f
        return decorate

    route = _decorator
    get = _decorator
    post = _decorator
    put = _decorator
    delete = _decorator
    errorhandler = _decorator

    def _identity(self, f):
        return f

    before_request = _identity
    after_request = _identity
    teardown_request = _identity
    teardown_appcontext = _identity
    before_first_request = _identity
    context_processor = _identity
    shell_context_processor = _identity

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        pass

    def register_blueprint(self, blueprint, **options):
        pass

    def run(self, host=None, port=None, debug=None, **options):
        print('ormsh: app.run() does nothing: ormsh runs database code and serves no web pages',
              file=sys.stderr)

    def __repr__(self):
        return '<Flask %r>' % self.name


class _CurrentApp:
    def _get(self):
        if not _stack:
            raise RuntimeError('Working outside of application context.')
        return _stack[-1].app

    def __getattr__(self, name):
        return getattr(self._get(), name)


current_app = _CurrentApp()


class _G:
    pass


g = _G()
request = None


def has_app_context():
    return bool(_stack)


def jsonify(*args, **kwargs):
    import json
    data = args[0] if len(args) == 1 else (list(args) if args else kwargs)
    return json.dumps(data)
