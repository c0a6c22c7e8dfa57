# werkzeug.exceptions, as much as Flask-SQLAlchemy's *_or_404 helpers and flask.abort need:
# the HTTP error classes with werkzeug's str() and repr().


class HTTPException(Exception):
    code = None
    description = None

    def __init__(self, description=None, response=None):
        super().__init__()
        if description is not None:
            self.description = description
        self.response = response

    @property
    def name(self):
        return _NAMES.get(self.code, 'Unknown Error')

    def __str__(self):
        return '%d %s: %s' % (self.code or 500, self.name, self.description)

    def __repr__(self):
        return "<%s '%d: %s'>" % (type(self).__name__, self.code or 500, self.name)


class BadRequest(HTTPException):
    code = 400
    description = ('The browser (or proxy) sent a request that this server could not '
                   'understand.')


class Unauthorized(HTTPException):
    code = 401
    description = ("The server could not verify that you are authorized to access the URL "
                   "requested. You either supplied the wrong credentials (e.g. a bad password), "
                   "or your browser doesn't understand how to supply the credentials required.")


class Forbidden(HTTPException):
    code = 403
    description = ("You don't have the permission to access the requested resource. It is "
                   "either read-protected or not readable by the server.")


class NotFound(HTTPException):
    code = 404
    description = ('The requested URL was not found on the server. If you entered the URL '
                   'manually please check your spelling and try again.')


class InternalServerError(HTTPException):
    code = 500
    description = ('The server encountered an internal error and was unable to complete your '
                   'request. Either the server is overloaded or there is an error in the '
                   'application.')


_NAMES = {400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
          500: 'Internal Server Error'}
_BY_CODE = {400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound,
            500: InternalServerError}


def abort(code, description=None):
    cls = _BY_CODE.get(code)
    if cls is None:
        raise LookupError('no exception for %r' % (code,))
    raise cls(description)
